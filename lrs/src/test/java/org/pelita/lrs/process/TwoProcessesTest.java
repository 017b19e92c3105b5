package org.pelita.lrs.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pelita.lrs.testing.LrsProcess;
import org.pelita.lrs.testing.TestDatabases;
import org.pelita.lrs.testing.XapiClient;

/**
 * Point 8 of the LRS issue: two LRS processes on one PostgreSQL database serve one consistent store, because the
 * LRS keeps no state of its own (so it scales out behind a load balancer).
 */
class TwoProcessesTest {
    @Test
    void whatOneProcessStoresTheOtherServesAndRefusesToContradict() throws Exception {
        String url = TestDatabases.postgres();
        try {
            DurabilityTest.credential(url);
            try (LrsProcess a = LrsProcess.start(url); LrsProcess b = LrsProcess.start(url)) {
                XapiClient viaA = a.client("writer", "writer-secret");
                XapiClient viaB = b.client("writer", "writer-secret");
                UUID id = UUID.randomUUID();
                assertThat(viaA.put("/statements?statementId=" + id, DurabilityTest.statement(id)).status()).isEqualTo(204);

                var read = viaB.get("/statements?statementId=" + id);
                assertThat(read.status()).isEqualTo(200);
                assertThat(read.json().get("id").asText()).isEqualTo(id.toString());

                String different = DurabilityTest.statement(id).replace("experienced", "completed");
                assertThat(viaB.put("/statements?statementId=" + id, different).status()).as("immutability across processes").isEqualTo(409);

                String state = "/activities/state?activityId=" + XapiClient.query("x", "https://pelita.example.org/a").substring(2)
                        + "&agent=" + XapiClient.query("x", "{\"mbox\":\"mailto:durable@example.org\"}").substring(2) + "&stateId=bookmark";
                assertThat(viaB.put(state, "{\"page\":3}").status()).isEqualTo(204);
                var document = viaA.get(state);
                assertThat(document.status()).isEqualTo(200);
                assertThat(document.json().get("page").asInt()).isEqualTo(3);
                assertThat(viaA.put(state, "{\"page\":4}").status()).as("the ETag rule holds across processes").isEqualTo(409);
                assertThat(viaA.with("If-Match", document.header("ETag")).put(state, "{\"page\":4}").status()).isEqualTo(204);
                assertThat(viaB.get(state).json().get("page").asInt()).isEqualTo(4);

                var listed = viaB.get("/statements?" + XapiClient.query("agent", "{\"mbox\":\"mailto:durable@example.org\"}"));
                assertThat(listed.json().get("statements")).extracting(s -> s.get("id").asText()).contains(id.toString());
            }
        } finally {
            TestDatabases.drop(url);
        }
    }
}
