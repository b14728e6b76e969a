"""One exception tree for everything dignity refuses, each with a stable code.

::

    DignityError                      D000  500
    ├── PolicyError                   D100  422   a policy file cannot be used
    │   ├── PolicyFileError           D101  422   missing, unreadable or not YAML
    │   └── PolicyValidationError     D102  422   well-formed YAML that breaks the schema
    ├── DetectorError                 D200  500
    │   ├── UnknownDetectorError      D201  422   a policy names a detector nobody registered
    │   └── DetectorLoadError         D202  500   a detector's resources could not be loaded
    ├── InputError                    D300  400   what the user asked us to read
    │   ├── InputFileError            D301  400   the file as a whole cannot be read
    │   └── RecordError               D302  400   one record is unusable (the rest are read)
    ├── StoreError                    D400  500   the database refused or is unreachable
    └── ServiceError                  D500  400   a request to the case service was refused
        ├── AuthenticationError       D501  401   no API token, or one nobody issued
        ├── PermissionDeniedError     D502  403   the caller's role may not do this
        ├── NotFoundError             D503  404   no such case, report, user or route
        ├── ConflictError             D504  409   the state forbids it (e.g. a name taken)
        │   └── InvalidTransitionError D505 409   a case cannot move this way from its state
        ├── RateLimitedError          D506  429   too many reports too fast; retry later
        └── ServiceInputError         D507  422   well-formed but unusable (unknown clause)

Messages say what was expected, what was found and how to fix it, because the person reading
them is a moderator or an organiser, not the author of this code.
"""

from __future__ import annotations


class DignityError(Exception):
    """Base of every error dignity raises on purpose."""

    code = "D000"
    http_status = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.message} [{self.code}]"


class PolicyError(DignityError):
    code = "D100"
    http_status = 422


class PolicyFileError(PolicyError):
    code = "D101"


class PolicyValidationError(PolicyError):
    """The policy parsed but breaks the schema; ``problems`` lists each one with its location."""

    code = "D102"

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"policy {source} is invalid ({len(self.problems)} problem(s)):\n{lines}")


class DetectorError(DignityError):
    code = "D200"


class UnknownDetectorError(DetectorError):
    code = "D201"
    http_status = 422


class DetectorLoadError(DetectorError):
    code = "D202"


class InputError(DignityError):
    code = "D300"
    http_status = 400


class InputFileError(InputError):
    code = "D301"


class RecordError(InputError):
    """One record of an input is unusable; ``source`` and ``line`` say which."""

    code = "D302"

    def __init__(self, source: str, line: int, reason: str) -> None:
        self.source = source
        self.line = line
        self.reason = reason
        super().__init__(f"{source}, line {line}: {reason}")


class StoreError(DignityError):
    code = "D400"


class ServiceError(DignityError):
    """The case service refused a request; subclasses say why and carry the HTTP status."""

    code = "D500"
    http_status = 400


class AuthenticationError(ServiceError):
    code = "D501"
    http_status = 401


class PermissionDeniedError(ServiceError):
    code = "D502"
    http_status = 403


class NotFoundError(ServiceError):
    code = "D503"
    http_status = 404


class ConflictError(ServiceError):
    code = "D504"
    http_status = 409


class InvalidTransitionError(ConflictError):
    """A case cannot move from its current state this way (decide a closed case, ...)."""

    code = "D505"


class RateLimitedError(ServiceError):
    """Too many requests from one caller; ``retry_after`` says how many seconds to wait."""

    code = "D506"
    http_status = 429

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = max(1, int(retry_after))


class ServiceInputError(ServiceError):
    code = "D507"
    http_status = 422


ERROR_CLASSES: tuple[type[DignityError], ...] = (
    DignityError,
    PolicyError,
    PolicyFileError,
    PolicyValidationError,
    DetectorError,
    UnknownDetectorError,
    DetectorLoadError,
    InputError,
    InputFileError,
    RecordError,
    StoreError,
    ServiceError,
    AuthenticationError,
    PermissionDeniedError,
    NotFoundError,
    ConflictError,
    InvalidTransitionError,
    RateLimitedError,
    ServiceInputError,
)
