"""LinkedIn Creator Analytics workbooks: engagement and followers per day, follower totals."""

from .plan import (
    SOURCE,
    CreatorData,
    CreatorPlan,
    CreatorSummary,
    apply_creator,
    plan_creator,
    read_creator,
)
from .workbook import NotCreatorAnalytics

__all__ = [
    "SOURCE",
    "CreatorData",
    "CreatorPlan",
    "CreatorSummary",
    "NotCreatorAnalytics",
    "apply_creator",
    "plan_creator",
    "read_creator",
]
