"""Admins: add users (the token is shown once) and verify the audit chain."""

from __future__ import annotations

from fastapi import APIRouter, status

from dignity.cases.audit import verify_chain
from dignity.cases.users import add_user
from dignity.cases.values import Role
from dignity.errors import PermissionDeniedError
from dignity.http.dependencies import CurrentUser, ServiceDep
from dignity.http.problems import problem_responses
from dignity.http.schemas import AuditPublic, UserCreate, UserCreated

router = APIRouter(prefix="/v1", tags=["admins"])


def _require_admin(role: Role, doing: str) -> None:
    if role is not Role.ADMIN:
        raise PermissionDeniedError(f"only admins may {doing}")


@router.post("/users", status_code=status.HTTP_201_CREATED, responses=problem_responses(403, 409))
def create_user(body: UserCreate, service: ServiceDep, user: CurrentUser) -> UserCreated:
    """Add a user with a role and one API token."""
    _require_admin(user.role, "add users")
    created, token = add_user(
        store=service.store, name=body.name, role=body.role, account=body.account, actor=user
    )
    return UserCreated(
        id=created.id,
        name=created.name,
        role=created.role,
        account=created.account,
        token=token,
    )


@router.get("/audit/verify", responses=problem_responses(403))
def audit_verify(service: ServiceDep, user: CurrentUser) -> AuditPublic:
    """Check the audit chain: any altered or deleted entry is listed."""
    _require_admin(user.role, "verify the audit log")
    result = verify_chain(store=service.store)
    return AuditPublic(ok=result.ok, entries=result.entries, problems=list(result.problems))
