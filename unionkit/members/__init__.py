"""Member register: people, workplaces, membership history, roster import and export."""
