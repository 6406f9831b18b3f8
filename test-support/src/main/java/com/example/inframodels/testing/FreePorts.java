package com.example.inframodels.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * TCP ports free on this machine for a test's program to listen on. Several are chosen at once and
 * distinct from each other: each socket is held open until all are chosen, or the kernel may hand
 * out one port twice and the program fails to bind its second address.
 */
public final class FreePorts {

  private FreePorts() {}

  /** One free port. */
  public static int one() throws IOException {
    return distinct(1)[0];
  }

  /** {@code count} free ports, no two the same. */
  public static int[] distinct(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0);
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }
}
