package dev.cspctl.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One fast emulator per test class, reset to the seeded state before each test. */
abstract class EmulatorTestBase {
  static Emulator emu;
  static Api api;

  @BeforeAll
  static void startEmulator() {
    emu = Emulator.start(EmulatorConfig.builder().build());
    api = new Api(emu);
  }

  @AfterAll
  static void stopEmulator() {
    emu.close();
  }

  @BeforeEach
  void resetState() {
    emu.reset();
  }
}
