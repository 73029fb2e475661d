import pytest

from warta.stories.evaluate import bcubed


def test_perfect_and_all_in_one():
    gold = {"a": "1", "b": "1", "c": "2"}
    assert bcubed(gold, gold).f1 == 1.0
    one = bcubed({"a": "x", "b": "x", "c": "x"}, gold)
    assert one.recall == 1.0 and one.precision == pytest.approx((2 / 3 * 2 + 1 / 3) / 3)


def test_missing_predictions_are_singletons_and_empty_gold_is_zero():
    assert bcubed({}, {"a": "1", "b": "1"}).recall == 0.5
    assert bcubed({}, {}).f1 == 0.0
