import datetime as dt

import pytest
from votes_helpers import make_curp


@pytest.fixture
def add_people():
    """add_people(vault, n, **overrides) -> list of person ids (valid CURPs, hired 2020)."""
    from unionkit.members.service import add_person

    def add(vault, n, start=0, **over):
        ids = []
        for i in range(start, start + n):
            sex = "M" if i % 3 == 0 else "H"
            data = {"nombre": f"Nombre{i}", "primer_apellido": f"Apellido{i:04d}", "segundo_apellido": "Pérez",
                    "curp": make_curp(i, sex), "hire_date": dt.date(2020, 1, 1).isoformat(), "is_member": 1,
                    "join_date": "2020-02-01", "sex": sex}
            data.update(over)
            ids.append(add_person(vault, data))
        return ids
    return add
