import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * A burst for bin/bench: N connections opened first, then one request on each, all released at
 * the same moment, as N buyers pressing "buy" at once. wrk cannot do this: it keeps every
 * connection busy for a duration, so its first requests go out as connections come up and are
 * followed by more. Latency is timed per request from its write to the end of its response.
 *
 * <pre>
 * java -cp classes Burst host port method path connections [body sessions-file]
 * </pre>
 *
 * With a body and a sessions file (one JWT a line), connection i sends the body with the i-th
 * session as a Bearer token. Prints one line: {@code result requests=... p50_ms=... p99_ms=...
 * status_201=...}.
 */
public final class Burst {

	private static final int CONNECTING_AT_ONCE = 32;

	private static final int TIMEOUT_MILLIS = 60_000;

	private Burst() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 5 && args.length != 7) {
			System.err.println("usage: Burst host port method path connections [body sessions-file]");
			System.exit(2);
		}
		String host = args[0];
		int port = Integer.parseInt(args[1]);
		String method = args[2];
		String path = args[3];
		int connections = Integer.parseInt(args[4]);
		String body = (args.length == 7) ? args[5] : null;
		List<String> sessions = (args.length == 7) ? Files.readAllLines(Path.of(args[6])) : List.of();
		if (body != null && sessions.size() < connections) {
			throw new IllegalArgumentException(connections + " connections need as many sessions, got " + sessions.size());
		}

		byte[][] requests = new byte[connections][];
		for (int i = 0; i < connections; i++) {
			requests[i] = request(method, path, host, port, body, (body != null) ? sessions.get(i) : null);
		}

		// Connected before the burst, and not all at once: a backlog overflow would add a SYN retry
		// (a second or more) to some requests that says nothing about the service.
		Socket[] sockets = new Socket[connections];
		Semaphore connecting = new Semaphore(CONNECTING_AT_ONCE);
		CountDownLatch connected = new CountDownLatch(connections);
		CountDownLatch start = new CountDownLatch(1);
		CountDownLatch finished = new CountDownLatch(connections);
		long[] sentAt = new long[connections];
		long[] latencies = new long[connections];
		int[] statuses = new int[connections];
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < connections; i++) {
				int n = i;
				executor.submit(() -> {
					try {
						connecting.acquire();
						try {
							Socket socket = new Socket();
							socket.setTcpNoDelay(true);
							socket.setSoTimeout(TIMEOUT_MILLIS);
							socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
							sockets[n] = socket;
						}
						finally {
							connecting.release();
						}
					}
					catch (IOException | InterruptedException ex) {
						statuses[n] = -1;
					}
					connected.countDown();
					try {
						start.await();
						if (sockets[n] != null) {
							sentAt[n] = System.nanoTime();
							statuses[n] = exchange(sockets[n], requests[n]);
							latencies[n] = System.nanoTime() - sentAt[n];
						}
					}
					catch (IOException | InterruptedException ex) {
						statuses[n] = -1;
					}
					finally {
						close(sockets[n]);
						finished.countDown();
					}
					return null;
				});
			}
			connected.await();
			start.countDown();
			finished.await();
		}

		Map<Integer, Integer> counts = new TreeMap<>();
		List<Long> answered = new ArrayList<>();
		long firstSent = Long.MAX_VALUE;
		long lastSent = Long.MIN_VALUE;
		for (int i = 0; i < connections; i++) {
			counts.merge(statuses[i], 1, Integer::sum);
			if (statuses[i] > 0) {
				answered.add(latencies[i]);
				firstSent = Math.min(firstSent, sentAt[i]);
				lastSent = Math.max(lastSent, sentAt[i]);
			}
		}
		long[] sorted = answered.stream().mapToLong(Long::longValue).sorted().toArray();
		StringBuilder line = new StringBuilder("result");
		line.append(" requests=").append(connections);
		line.append(" p50_ms=").append(millis(percentile(sorted, 50)));
		line.append(" p99_ms=").append(millis(percentile(sorted, 99)));
		line.append(" max_ms=").append(millis((sorted.length > 0) ? sorted[sorted.length - 1] : 0));
		line.append(" spread_ms=").append(millis((sorted.length > 0) ? lastSent - firstSent : 0));
		counts.forEach((status, n) -> line.append((status > 0) ? " status_" + status : " errors").append('=').append(n));
		System.out.println(line);
	}

	private static byte[] request(String method, String path, String host, int port, String body, String session) {
		StringBuilder head = new StringBuilder();
		head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
		head.append("Host: ").append(host).append(':').append(port).append("\r\n");
		head.append("Connection: close\r\n");
		byte[] content = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
		if (session != null) {
			head.append("Authorization: Bearer ").append(session).append("\r\n");
		}
		if (body != null) {
			head.append("Content-Type: application/json\r\n");
			head.append("Content-Length: ").append(content.length).append("\r\n");
		}
		head.append("\r\n");
		byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
		byte[] bytes = Arrays.copyOf(headBytes, headBytes.length + content.length);
		System.arraycopy(content, 0, bytes, headBytes.length, content.length);
		return bytes;
	}

	/** Sends the request and reads the whole response (the server closes after it). */
	private static int exchange(Socket socket, byte[] request) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write(request);
		out.flush();
		InputStream in = socket.getInputStream();
		ByteArrayOutputStream response = new ByteArrayOutputStream();
		in.transferTo(response);
		String text = response.toString(StandardCharsets.ISO_8859_1);
		if (!text.startsWith("HTTP/1.") || text.length() < 12) {
			throw new IOException("Not an HTTP response: " + text);
		}
		return Integer.parseInt(text.substring(9, 12));
	}

	private static long percentile(long[] sorted, int p) {
		if (sorted.length == 0) {
			return 0;
		}
		// Nearest rank: the smallest value that at least p % of the answers do not exceed.
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(rank, 1) - 1];
	}

	private static String millis(long nanos) {
		return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
	}

	private static void close(Socket socket) {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// Nothing is left to read from it.
			}
		}
	}

}
