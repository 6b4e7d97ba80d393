package dev.cspctl.plan;

/** What a change does to a resource, with its Terraform-style symbol. */
public enum Action {
  CREATE("+", "create"),
  UPDATE("~", "update"),
  RENAME("~", "rename"),
  ADOPT(">", "adopt"),
  REPLACE("±", "replace"),
  DELETE("-", "delete");

  private final String symbol;
  private final String verb;

  Action(String symbol, String verb) {
    this.symbol = symbol;
    this.verb = verb;
  }

  public String symbol() {
    return symbol;
  }

  public String verb() {
    return verb;
  }
}
