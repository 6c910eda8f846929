import datetime as dt

from unionkit.votes.calendar import add_business_days, consultation_checks, rest_days

D = dt.date


def test_rest_days_art_74():
    assert rest_days(2026) == {D(2026, 1, 1), D(2026, 2, 2), D(2026, 3, 16), D(2026, 5, 1), D(2026, 9, 16),
                               D(2026, 11, 16), D(2026, 12, 25)}
    assert D(2024, 10, 1) in rest_days(2024) and D(2030, 10, 1) in rest_days(2030)
    assert D(2026, 10, 1) not in rest_days(2026)


def test_business_days_skip_weekends_and_rest_days():
    # Thu 12/03/2026 + 3 business days: Fri 13, (Sat, Sun, Mon 16 = rest day), Tue 17, Wed 18
    assert add_business_days(D(2026, 3, 12), 3) == D(2026, 3, 18)
    assert add_business_days(D(2026, 3, 18), -3) == D(2026, 3, 12)
    assert add_business_days(D(2026, 3, 12), 3, extra=[D(2026, 3, 17)]) == D(2026, 3, 19)


def test_consultation_checks():
    vote = D(2026, 3, 12)
    checks = {c.code: c for c in consultation_checks(
        "revision", vote, aviso=D(2026, 3, 2), convocatoria=D(2026, 2, 25), results_posted=D(2026, 3, 14),
        cfcrl_notice=D(2026, 3, 18))}
    assert checks["aviso"].ok is True and checks["aviso"].detail  # 10 calendar days, not 10 business days
    assert checks["convocatoria"].ok is True
    assert checks["results_posted"].ok is True
    assert checks["cfcrl_notice"].ok is True
    late = {c.code: c for c in consultation_checks("revision", vote, convocatoria=D(2026, 2, 24),
                                                   cfcrl_notice=D(2026, 3, 19))}
    assert late["convocatoria"].ok is False and late["cfcrl_notice"].ok is False
    assert late["aviso"].ok is None  # not recorded yet
    leg = {c.code for c in consultation_checks("legitimation", vote)}
    assert "cct_copy" in leg
    el = {c.code for c in consultation_checks("election", vote)}
    assert el == {"election_convocatoria", "padron_published"}


def test_constancia_expiry_both_readings():
    from unionkit.votes.calendar import constancia_expiry

    e = constancia_expiry(D(2026, 1, 15))
    assert e["calendar_months"] == D(2026, 7, 15) and e["days_180"] == D(2026, 7, 14) and e["alert"] == D(2026, 7, 14)
    assert constancia_expiry(D(2026, 8, 31))["calendar_months"] == D(2027, 2, 28)


def test_campaign_deadlines():
    from unionkit.votes.calendar import campaign_deadlines

    d = campaign_deadlines(D(2026, 3, 12))  # Thursday; Monday 16 is a rest day
    assert d["publication_by"] == D(2026, 3, 15) and d["publication_by_business"] == D(2026, 3, 18)
    assert d["adhesion_until"] == D(2026, 3, 25)
