package id.rapor.http.jetty;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.SelectorManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most so many open connections from one client address. Jetty limits connections only in
 * total (NetworkConnectionLimit), which one client can use up; this is the same kind of accept
 * listener, counting per address. A connection beyond the limit is closed as it is accepted,
 * before Jetty reads a byte of it, so it costs neither a thread nor a buffer.
 */
public final class ConnectionsPerAddress implements SelectorManager.AcceptListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsPerAddress.class);

    private volatile int limit;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();
    /** The address of each counted channel: once closed, a channel no longer says where it came from. */
    private final ConcurrentHashMap<SelectableChannel, InetAddress> counted = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();

    ConnectionsPerAddress(int limit) {
        this.limit = limit;
    }

    /** A new limit, for the connections accepted from now on. */
    void limit(int limit) {
        this.limit = limit;
    }

    @Override
    public void onAccepting(SelectableChannel channel) {
        InetAddress address = address(channel);
        if (address == null) return;
        counted.put(channel, address);
        int now = open.merge(address, 1, Integer::sum);
        if (now > limit) {
            // Jetty then fails to register the closed channel and calls onAcceptFailed, which uncounts it.
            if (refused.getAndIncrement() % 1000 == 0) {
                LOG.warn("{} connections from {}: more are closed at once (http.connections.per.address={}; {} refused so far)",
                        limit, address.getHostAddress(), limit, refused.get());
            }
            try {
                channel.close();
            } catch (IOException e) {
                // closed either way
            }
        }
    }

    @Override
    public void onAcceptFailed(SelectableChannel channel, Throwable cause) {
        release(channel);
    }

    @Override
    public void onClosed(SelectableChannel channel) {
        release(channel);
    }

    /** Open connections from {@code address} as counted now. */
    int openFrom(InetAddress address) {
        return open.getOrDefault(address, 0);
    }

    private void release(SelectableChannel channel) {
        InetAddress address = counted.remove(channel);
        if (address == null) return;
        open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }

    private static InetAddress address(SelectableChannel channel) {
        try {
            return channel instanceof SocketChannel s && s.getRemoteAddress() instanceof InetSocketAddress i ? i.getAddress() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
