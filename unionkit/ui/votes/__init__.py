"""The votes area: consultations, tally entry, results, and the 30 % representativeness workbench."""
