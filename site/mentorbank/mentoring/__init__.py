"""School to school: mentoring requests, mentorships, their programmes (DESIGN §4)."""
