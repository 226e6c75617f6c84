"""The moderators' queue: approve, or return with a reason; every decision is audited and notified."""
