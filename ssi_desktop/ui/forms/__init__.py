"""Forms that turn what the member types into a change: the shared base, activity, profile,
reading (typed or pasted) and the whole-day form."""
