package com.example.inframodels.comparison;

import com.example.inframodels.testing.ProcStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory as the kernel counts it: VmRSS of {@code /proc/PID/status}, in MiB. */
final class Resident {

  private Resident() {}

  /** VmRSS of a status file's text, wherever it was read (this host, a container, a VM). */
  static double mib(String statusText) {
    String rss = ProcStatus.parse(statusText).get("VmRSS");
    if (rss == null || !rss.endsWith(" kB")) {
      throw new IllegalArgumentException("no VmRSS in kB in the status: " + rss);
    }
    return Long.parseLong(rss.substring(0, rss.length() - " kB".length()).strip()) / 1024.0;
  }

  /** VmRSS of a process on this host. */
  static double ofProcess(long pid) throws IOException {
    return mib(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
  }
}
