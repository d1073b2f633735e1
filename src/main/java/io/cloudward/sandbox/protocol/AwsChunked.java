package io.cloudward.sandbox.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@code aws-chunked} body framing S3 uses for streaming uploads
 * ({@code <hex size>;chunk-signature=<sig>\r\n<data>\r\n}, ending with a zero-size chunk and optional
 * trailers). The seed signature covers the headers; the framing is stripped before the payload is read.
 */
final class AwsChunked {

    private AwsChunked() {
    }

    static boolean isChunked(AwsRequest request) {
        String encoding = request.header("content-encoding");
        String sha = request.header("x-amz-content-sha256");
        return encoding != null && encoding.contains("aws-chunked") || sha != null && sha.startsWith("STREAMING-");
    }

    static byte[] decode(byte[] framed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(framed.length);
        int position = 0;
        while (position < framed.length) {
            int lineEnd = indexOfCrLf(framed, position);
            if (lineEnd < 0) {
                throw malformed();
            }
            String header = new String(framed, position, lineEnd - position, StandardCharsets.US_ASCII);
            int semicolon = header.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon < 0 ? header : header.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw malformed();
            }
            position = lineEnd + 2;
            if (size == 0) {
                break;
            }
            if (position + size > framed.length) {
                throw malformed();
            }
            out.write(framed, position, size);
            position += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrLf(byte[] data, int from) {
        for (int i = from; i + 1 < data.length; i++) {
            if (data[i] == '\r' && data[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static AwsError malformed() {
        return new AwsError("IncompleteBody", 400, "The request body does not follow the aws-chunked encoding");
    }
}
