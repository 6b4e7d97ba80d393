package dev.cspctl.visitor;

/** An audience ready for evaluation; {@code index} is its slot in a {@link Context}'s memo. */
record CompiledAudience(String name, int index, RuleNode rules) {}
