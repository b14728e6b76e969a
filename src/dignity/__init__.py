"""dignity: enforce a community's code of conduct online, fairly, with evidence, and fast.

from dignity import Dignity
assessment = Dignity.from_policy().load().assess("you are a pathetic idiot")
"""

from dignity.engine import Coverage, Dignity
from dignity.errors import DignityError
from dignity.model import Action, Assessment, ClauseBreach, Finding, Message, Span
from dignity.policy.loader import LoadedPolicy, default_policy, load_policy

__version__ = "0.1.0"

__all__ = [
    "Action",
    "Assessment",
    "ClauseBreach",
    "Coverage",
    "Dignity",
    "DignityError",
    "Finding",
    "LoadedPolicy",
    "Message",
    "Span",
    "__version__",
    "default_policy",
    "load_policy",
]
