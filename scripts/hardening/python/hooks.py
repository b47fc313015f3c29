"""Schemathesis hooks for the hardening run (loaded through SCHEMATHESIS_HOOKS)."""

import schemathesis


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _carries_bookmark(case) -> bool:
    return "bookmark" in (case.query or {}) or any(
        key.lower() == "neo4j-bookmark" for key in (case.headers or {})
    )


@schemathesis.hook
def filter_case(context, case):
    """Cases keep to the two rules a JSON Schema cannot state.

    A bookmark is a value an earlier write returned: one made up to fit its pattern is not one
    the database gave out, and is refused with 400 naming it, so generated cases carry none.

    A filter's fc_total_plan_assets_min must not exceed its fc_total_plan_assets_max. The server
    refuses such a filter with 400 naming the field; JSON Schema cannot compare two fields, so
    the document states the rule in words and generated cases keep to it.
    """
    if _carries_bookmark(case):
        return False
    body = case.body
    if not isinstance(body, dict):
        return True
    low = body.get("fc_total_plan_assets_min")
    high = body.get("fc_total_plan_assets_max")
    return not (_number(low) and _number(high) and low > high)
