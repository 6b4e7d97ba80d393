package dev.cspctl.spec;

/** A resource declared in the specs. */
public sealed interface DesiredResource permits Attribute, Event, Audience, Experience, Priority {
  ResourceKey resourceKey();

  Origin origin();
}
