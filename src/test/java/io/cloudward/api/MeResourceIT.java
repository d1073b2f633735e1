package io.cloudward.api;

import io.cloudward.devstack.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

/** A real Keycloak token opens the API; no token, or a forged one, does not. */
@QuarkusTest
class MeResourceIT {

    @Test
    void withoutATokenTheApiAnswers401() {
        given().when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void aForgedTokenIsRejected() {
        given().auth().oauth2("eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5In0.").when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void aKeycloakTokenIsAccepted() {
        given().auth().oauth2(Tokens.accessToken("alice")).when().get("/api/v1/me").then()
                .statusCode(200)
                .body("username", is("alice"))
                .body("email", is("alice@demo.cloudward.dev"));
    }
}
