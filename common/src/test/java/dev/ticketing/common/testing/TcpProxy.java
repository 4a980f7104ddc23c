package dev.ticketing.common.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on a free local port, between a service and a server it depends on (its
 * PostgreSQL), that a test can sever: {@link #sever()} drops every open connection and
 * refuses new ones, as a server stopped with {@code pg_ctl stop -m immediate} does to its
 * clients, without touching the shared server itself; {@link #restore()} listens again on
 * the same port.
 */
public final class TcpProxy implements AutoCloseable {

	private final InetSocketAddress target;

	private final int port;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private ServerSocket listener;

	private TcpProxy(InetSocketAddress target) {
		this.target = target;
		this.listener = listen(0);
		this.port = this.listener.getLocalPort();
		accept(this.listener);
	}

	/** A proxy to {@code host:port}, listening on 127.0.0.1. */
	public static TcpProxy to(String host, int port) {
		return new TcpProxy(new InetSocketAddress(host, port));
	}

	/** The local port clients connect to. */
	public int port() {
		return this.port;
	}

	/** Closes every connection and stops listening: new connections are refused. */
	public synchronized void sever() {
		close(this.listener);
		this.open.forEach(TcpProxy::close);
		this.open.clear();
	}

	/** Listens again, on the same port. */
	public synchronized void restore() {
		if (!this.listener.isClosed()) {
			return;
		}
		this.listener = listen(this.port);
		accept(this.listener);
	}

	@Override
	public void close() {
		sever();
	}

	private static ServerSocket listen(int port) {
		try {
			ServerSocket socket = new ServerSocket();
			// The port's earlier connections may linger in TIME_WAIT.
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return socket;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept(ServerSocket listener) {
		Thread.ofPlatform().daemon().name("tcp-proxy-" + this.port).start(() -> {
			while (!listener.isClosed()) {
				try {
					Socket client = listener.accept();
					connect(listener, client);
				}
				catch (IOException ex) {
					// Severed (the listener is closed) or the target refused: the client
					// is
					// closed, as a stopped server's would be.
				}
			}
		});
	}

	private void connect(ServerSocket listener, Socket client) throws IOException {
		Socket server = new Socket();
		synchronized (this) {
			if (listener.isClosed()) {
				// Severed after accepting it.
				close(client);
				return;
			}
			this.open.add(client);
			this.open.add(server);
		}
		try {
			server.connect(this.target, 2000);
		}
		catch (IOException ex) {
			close(client);
			close(server);
			throw ex;
		}
		client.setTcpNoDelay(true);
		server.setTcpNoDelay(true);
		Thread.ofVirtual().start(() -> pump(client, server));
		Thread.ofVirtual().start(() -> pump(server, client));
	}

	/** Copies one direction until either side ends, then ends both. */
	private void pump(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			byte[] buffer = new byte[16 * 1024];
			int read;
			while ((read = in.read(buffer)) >= 0) {
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// One side is gone: so is the connection.
		}
		finally {
			close(from);
			close(to);
			this.open.remove(from);
			this.open.remove(to);
		}
	}

	private static void close(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// Closed already.
		}
	}

}
