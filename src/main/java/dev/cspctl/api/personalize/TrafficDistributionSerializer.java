package dev.cspctl.api.personalize;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.cspctl.api.ApiAssumptions;
import java.io.IOException;

/** Writes trafficDistribution as number or string per {@link ApiAssumptions}. */
final class TrafficDistributionSerializer extends StdSerializer<Integer> {
  TrafficDistributionSerializer() {
    super(Integer.class);
  }

  @Override
  public void serialize(Integer value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    if (ApiAssumptions.TRAFFIC_DISTRIBUTION_AS_STRING) {
      gen.writeString(value.toString());
    } else {
      gen.writeNumber(value);
    }
  }
}
