package io.cloudward.sandbox.estate;

/**
 * The activity behind a finding.
 *
 * @param type {@code AWS_API_CALL}, {@code NETWORK_CONNECTION}, {@code PORT_PROBE} or {@code DNS_REQUEST}
 */
public record FindingAction(String type, String api, String serviceName, String remoteIp, String countryName,
                            String cityName, String organization, Integer port, String domain) {
}
