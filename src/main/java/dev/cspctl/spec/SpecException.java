package dev.cspctl.spec;

import java.util.List;

/** The spec folder is invalid; carries every error found, sorted by file and line. */
public final class SpecException extends RuntimeException {
  private final List<SpecError> errors;

  public SpecException(List<SpecError> errors) {
    super(errors.isEmpty() ? "invalid spec" : errors.get(0).format());
    this.errors = errors.stream().sorted(SpecError.ORDER).toList();
  }

  public List<SpecError> errors() {
    return errors;
  }
}
