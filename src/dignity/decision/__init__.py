"""Pure decisions: findings + policy -> the clauses engaged, the action and the explanation."""

from dignity.decision.decide import decide

__all__ = ["decide"]
