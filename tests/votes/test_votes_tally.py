import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unionkit.errors import ValidationError
from unionkit.votes.tally import Sheet, compare_entries, tally


def sheet(booth="A", yes=0, no=0, null=0, **kw):
    return Sheet(booth, {"yes": yes, "no": no}, null, **kw)


def test_three_bases_and_warning():
    r = tally("approval", 1200, [sheet(yes=600, no=450, null=17)])
    assert r.outcome == "approved"
    assert r.bases["valid"] == {"pct": "57.14", "passes": True, "yes": 600, "of": 1050}
    assert r.bases["cast"]["passes"] is True
    assert r.bases["padron"]["pct"] == "50.00" and r.bases["padron"]["passes"] is False
    assert len(r.warnings) == 1 and "50.00" in r.warnings[0]
    r2 = tally("approval", 1200, [sheet(yes=600, no=450, null=17)], rule="padron")
    assert r2.outcome == "rejected" and len(r2.warnings) == 2


def test_tie_is_a_tie():
    r = tally("approval", 100, [sheet(yes=20, no=20, null=3)])
    assert r.outcome == "tie"
    assert r.turnout_pct == "43.00"


def test_turnout_truncated():
    r = tally("approval", 1000, [sheet(yes=500, no=379)])
    assert r.turnout_pct == "87.90"
    r = tally("approval", 3, [sheet(yes=2, no=0)])
    assert r.turnout_pct == "66.66"


def test_representation_floor_plurality_and_tie():
    s = [Sheet("1", {"A": 100, "B": 90}, 10)]
    assert tally("representation", 667, s).outcome == "no_quorum"  # 200*10 = 2000 < 2001
    r = tally("representation", 666, s)  # 2000 >= 1998
    assert (r.outcome, r.winner) == ("winner", "A")
    r = tally("representation", 666, [Sheet("1", {"A": 95, "B": 95}, 10)])
    assert r.outcome == "tie" and r.winner is None and r.warnings
    # nulls decide the floor -> both readings are shown, the setting chooses
    s = [Sheet("1", {"A": 20, "B": 9}, 1)]
    assert tally("representation", 100, s).outcome == "winner"
    r = tally("representation", 100, s, nulls_in_turnout=False)
    assert r.outcome == "no_quorum" and any("null" in w or "nulo" in w for w in r.warnings)


def test_more_votes_than_roll_is_an_error():
    with pytest.raises(ValidationError):
        tally("approval", 10, [sheet(yes=6, no=5)])
    with pytest.raises(ValidationError):
        tally("approval", 100, [sheet(yes=6, no=5, padron=10)])


def test_ballot_accounting():
    tally("approval", 100, [sheet(yes=6, no=5, null=1, received=20, unused=7, cancelled=1)])
    with pytest.raises(ValidationError):
        tally("approval", 100, [sheet(yes=6, no=5, null=1, received=20, unused=7, cancelled=0)])


def test_compare_entries():
    a = sheet(yes=6, no=5, null=1)
    assert compare_entries(a, sheet(yes=6, no=5, null=1)) == []
    assert compare_entries(a, sheet(yes=6, no=4, null=1)) == ["no"]


@st.composite
def split(draw, options):
    totals = {o: draw(st.integers(0, 400)) for o in options}
    null = draw(st.integers(0, 50))
    nb = draw(st.integers(1, 6))

    def parts(total):
        cuts = sorted(draw(st.lists(st.integers(0, total), min_size=nb - 1, max_size=nb - 1)))
        return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]

    per = {o: parts(t) for o, t in totals.items()}
    nulls = parts(null)
    sheets = [Sheet(str(i), {o: per[o][i] for o in options}, nulls[i]) for i in range(nb)]
    return totals, null, sheets


@settings(max_examples=150, deadline=None)
@given(data=split(["yes", "no"]), extra=st.integers(0, 2000), rule=st.sampled_from(["valid", "cast", "padron"]))
def test_approval_independent_of_booth_split(data, extra, rule):
    totals, null, sheets = data
    padron = sum(totals.values()) + null + extra
    one = tally("approval", padron, [Sheet("all", totals, null)], rule=rule)
    many = tally("approval", padron, sheets, rule=rule)
    assert one.to_json() == many.to_json()


@settings(max_examples=150, deadline=None)
@given(data=split(["Sindicato A", "Sindicato B", "Sindicato C"]), extra=st.integers(0, 3000))
def test_representation_independent_of_booth_split(data, extra):
    totals, null, sheets = data
    padron = sum(totals.values()) + null + extra
    one = tally("representation", padron, [Sheet("all", totals, null)])
    many = tally("representation", padron, sheets)
    assert one.to_json() == many.to_json()
