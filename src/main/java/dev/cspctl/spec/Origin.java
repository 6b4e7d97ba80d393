package dev.cspctl.spec;

/** Where a resource was declared. */
public record Origin(String file, int line) {
  @Override
  public String toString() {
    return file + ":" + line;
  }
}
