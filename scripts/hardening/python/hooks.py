"""Schemathesis hooks for the hardening run (loaded through SCHEMATHESIS_HOOKS)."""

import schemathesis


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


@schemathesis.hook
def filter_case(context, case):
    """A filter's fc_total_plan_assets_min must not exceed its fc_total_plan_assets_max.

    The server refuses such a filter with 400 naming the field; JSON Schema cannot compare two
    fields, so the document states the rule in words and generated cases keep to it.
    """
    body = case.body
    if not isinstance(body, dict):
        return True
    low = body.get("fc_total_plan_assets_min")
    high = body.get("fc_total_plan_assets_max")
    return not (_number(low) and _number(high) and low > high)
