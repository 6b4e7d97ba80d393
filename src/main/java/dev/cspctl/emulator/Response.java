package dev.cspctl.emulator;

import com.fasterxml.jackson.databind.JsonNode;

/** A reply: status plus JSON body (null = no body). */
record Response(int status, JsonNode body) {
  static Response ok(JsonNode body) {
    return new Response(200, body);
  }

  static Response created(JsonNode body) {
    return new Response(EmulatorAssumptions.PERSONALIZE_CREATED, body);
  }

  static Response noContent() {
    return new Response(EmulatorAssumptions.PERSONALIZE_DELETED, null);
  }
}
