"""The claims area: cases, timelines, the evidence locker and the packet wizard."""
