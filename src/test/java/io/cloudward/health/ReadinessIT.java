package io.cloudward.health;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class ReadinessIT {

    @Test
    void readyReportsDatabaseKafkaAndKeycloak() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "Kafka connection health check", "Keycloak"));
    }

    @Test
    void livenessAndMetricsArePublic() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        given().when().get("/q/metrics").then().statusCode(200);
    }
}
