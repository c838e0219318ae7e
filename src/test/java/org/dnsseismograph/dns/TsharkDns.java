package org.dnsseismograph.dns;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Every DNS message of the test captures as tshark, the trusted peer, sees it: the raw bytes of each
 * DNS layer ({@code dns_raw} of {@code tshark -T json -x}; TCP messages reassembled, their length
 * prefix removed) and tshark's own decoded fields. Independent of our wire code. Cached per file for
 * the whole test run.
 */
final class TsharkDns {
  static final Path TSHARK = Path.of("/usr/bin/tshark");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, List<Msg>> CACHE = new ConcurrentHashMap<>();

  /**
   * One DNS message.
   *
   * @param file the capture's file name
   * @param frame tshark's frame number
   * @param index the message's place among the DNS layers of that frame, 0-based
   * @param wire the message bytes, without the TCP length prefix
   * @param dns tshark's dns layer as JSON
   */
  record Msg(String file, int frame, int index, byte[] wire, JsonNode dns) {
    String where() {
      return file + " frame " + frame + " message " + index;
    }
  }

  private TsharkDns() {}

  static Path captures() {
    return Path.of(System.getProperty("seismograph.test.data", "src/test/resources"), "pcap");
  }

  /** Every capture file of the test data, by name. */
  static List<Path> captureFiles() {
    try (Stream<Path> s = Files.list(captures())) {
      return s.filter(p -> p.getFileName().toString().matches(".*\\.(pcap|pcapng|pcap\\.gz)$")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The DNS messages tshark finds in one capture, in frame order. */
  static List<Msg> messages(Path file) {
    return CACHE.computeIfAbsent(file.getFileName().toString(), name -> run(file));
  }

  private static List<Msg> run(Path file) {
    String name = file.getFileName().toString();
    List<String> cmd = new ArrayList<>(List.of(TSHARK.toString(), "-r", file.toString(), "-n"));
    if (name.contains("port53000")) {
      cmd.addAll(List.of("-d", "udp.port==53000,dns", "-d", "tcp.port==53000,dns"));
    }
    cmd.addAll(List.of("-T", "json", "-x", "-J", "frame dns", "-Y", "dns"));
    try {
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      List<Msg> out;
      try (InputStream in = p.getInputStream()) {
        out = parse(name, in);
      }
      int rc = p.waitFor();
      if (rc != 0) {
        throw new IllegalStateException("tshark exited with " + rc + " on " + name);
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException("tshark on " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Streams the JSON: a frame's layers repeat the keys dns_raw and dns once per message. */
  private static List<Msg> parse(String file, InputStream in) throws IOException {
    List<Msg> out = new ArrayList<>();
    try (JsonParser p = JSON.getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        return out;
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          if (key.equals("_source")) {
            readLayers(file, p, out);
          } else {
            p.skipChildren();
          }
        }
      }
    }
    return out;
  }

  private static void readLayers(String file, JsonParser p, List<Msg> out) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      if (!key.equals("layers")) {
        p.skipChildren();
        continue;
      }
      int frame = -1;
      List<byte[]> raws = new ArrayList<>();
      List<JsonNode> layers = new ArrayList<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String layer = p.currentName();
        p.nextToken();
        switch (layer) {
          case "frame" -> frame = JSON.<JsonNode>readTree(p).path("frame.number").asInt(-1);
          case "dns_raw" -> raws.add(HexFormat.of().parseHex(JSON.<JsonNode>readTree(p).get(0).asText()));
          case "dns" -> layers.add(JSON.<JsonNode>readTree(p));
          default -> p.skipChildren();
        }
      }
      if (raws.size() != layers.size()) {
        throw new IllegalStateException(
            file + " frame " + frame + ": " + raws.size() + " dns_raw, " + layers.size() + " dns");
      }
      for (int i = 0; i < raws.size(); i++) {
        byte[] raw = raws.get(i);
        JsonNode dns = layers.get(i);
        byte[] wire = dns.has("dns.length") ? Arrays.copyOfRange(raw, 2, raw.length) : raw;
        out.add(new Msg(file, frame, i, wire, dns));
      }
    }
  }

  /** The first value of a tshark field anywhere under {@code node} (depth first), or null. */
  static JsonNode find(JsonNode node, String field) {
    if (node.has(field)) {
      return node.get(field);
    }
    for (JsonNode child : node) {
      if (child.isObject()) {
        JsonNode f = find(child, field);
        if (f != null) {
          return f;
        }
      }
    }
    return null;
  }
}
