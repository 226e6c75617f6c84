"""The curator's cabinet (куратор, DESIGN §2): the curator of an organisation keeps its public page, follows the
school's mentor profiles and starts its team profile (through the mentor application itself).

A capability across the domains, like moderation and admin: it reads the mentors' records and writes the
organisation's page, with the audit log. Only the curators of that organisation, and admins, get in.
"""
