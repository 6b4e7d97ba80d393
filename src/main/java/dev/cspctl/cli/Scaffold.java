package dev.cspctl.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files {@code cspctl init} writes: a commented cspctl.yaml and one example of each kind, each
 * pointing editors at the published JSON Schema of this cspctl version (a URL, so it resolves in
 * any repository).
 */
final class Scaffold {
  static final String SCHEMA_BASE = "https://gitlab.com/cspctl/cspctl/-/raw/v%s/schemas/";

  private Scaffold() {}

  static String schemaLine(String version, String schema) {
    return "# yaml-language-server: $schema=" + String.format(SCHEMA_BASE, version) + schema + "\n";
  }

  static Map<String, String> files(String version) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put(
        "cspctl.yaml",
        schemaLine(version, "cspctl.schema.json")
            + """
        # Project settings. No secrets here: credentials come from the environment
        # (CONTENTSTACK_AUTHTOKEN, CONTENTSTACK_MANAGEMENT_TOKEN, ...; see the cspctl README).
        # The values below are the sandbox's, so 'cspctl plan --sandbox' works at once:
        # replace them with your project's.
        project: 65f0c0ffee0123456789abcd   # Personalize project uid (CONTENTSTACK_PERSONALIZE_PROJECT_UID overrides)
        stack: blt0123456789abcdef          # stack API key (CONTENTSTACK_API_KEY overrides)
        region: na                          # na, eu, au, azure-na, azure-eu, gcp-na, gcp-eu (or AWS-NA, ...)
        # branch: main                      # CMA branch, when the stack uses branches
        publish:
          environments: []                  # environments to publish entry variants to, e.g. [production]
          locales: [en-us]
          method: bulk                      # bulk (one bulk publish per batch) or entry
        prune: false                        # true: apply also deletes managed resources no spec declares
        """);
    f.put(
        "attributes.yaml",
        schemaLine(version, "attribute.schema.json")
            + """
        # A custom attribute your site sets for each visitor; audiences' rules test it.
        kind: Attribute
        key: plan_tier
        name: Plan tier
        description: Subscription tier of the signed-in customer
        """);
    f.put(
        "events.yaml",
        schemaLine(version, "event.schema.json")
            + """
        # An event your site sends; A/B tests measure it with metrics.
        kind: Event
        key: add_to_cart
        description: Shopper added an item to the cart
        """);
    f.put(
        "audiences.yaml",
        schemaLine(version, "audience.schema.json")
            + """
        # Who sees a variant: rules on attributes and presets (COUNTRY, DEVICE_TYPE, ...).
        kind: Audience
        name: Premium shoppers
        description: Paying premium customers
        match: all                          # all rules must match (any: one is enough)
        rules:
          - attribute: plan_tier
            condition: equals
            value: premium
        """);
    f.put(
        "experiences/homepage-hero.yaml",
        schemaLine(version, "experience.schema.json")
            + """
        # A segmented experience: each variant is shown to its audiences.
        kind: Experience
        name: Homepage hero
        description: Hero banner for premium shoppers
        type: segmented                     # or abTest (variants with traffic shares)
        status: draft                       # draft, active or paused
        variants:
          - name: Premium
            audiences: [Premium shoppers]
            # The entry variant content this variant shows (the entry must exist in the stack):
            # content:
            #   - contentType: hero_banner
            #     entry: blt0123456789abcdef
            #     fields:
            #       title: Welcome back
        """);
    f.put(
        "priority.yaml",
        schemaLine(version, "priority.schema.json")
            + """
        # Which experience wins when a visitor qualifies for several: first is highest.
        kind: Priority
        order:
          - Homepage hero
        """);
    f.put(
        ".gitignore",
        """
        # the sandbox state of this folder (cspctl --sandbox)
        .cspctl/
        """);
    f.put(
        ".cspctlignore",
        """
        # Files in this folder that are not cspctl specs, one pattern per line as in .gitignore,
        # e.g. docker-compose.yml, deploy/, *.local.yaml
        """);
    return f;
  }
}
