package io.github.authspec.support.auth;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on the running login API (real Tomcat, PostgreSQL and Redis; passwords at PBKDF2-SHA256
 * 600,000 iterations, the generated default): N concurrent HTTP clients for N = 1, 8 and 64,
 * each signing in to its own account, then rotating its refresh token (strict single use).
 * Logins per second are printed as a ratio to the limit the password hash sets on this machine,
 * measured in the same run: cores divided by one verification's CPU time. Not a test:
 * {@code java -cp <test class path> io.github.authspec.support.auth.LoginApiBench [seconds]}.
 */
public final class LoginApiBench {
  private static final Pattern TOKEN = Pattern.compile("\"refreshToken\":\"([^\"]+)\"");
  private static final int[] CLIENTS = {1, 8, 64};

  private LoginApiBench() {}

  /** What one client does once; false when the service refused it. */
  interface Call {
    boolean run(int client) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    FlowWorld w = FlowWorld.fresh("login_bench", 10_000, FlowWorld.POLICY,
        Pbkdf2.OWASP_ITERATIONS);
    List<String> emails = accounts(w, 64);
    int cores = Runtime.getRuntime().availableProcessors();
    double hashCpu = hashCpuSeconds(w.hasher);
    double limit = cores / hashCpu;
    System.out.printf("cores %d; one verification %.1f ms CPU; the hash's limit %.1f logins/s%n",
        cores, hashCpu * 1e3, limit);
    try (LoginServer server = LoginServer.start(w.flow)) {
      System.out.printf("start-up of the API (Spring, Tomcat): %d ms%n", server.startMillis());
      String[] tokens = new String[emails.size()];
      for (int n : CLIENTS) {
        Result logins = run(n, seconds, c -> {
          HttpResponse<String> r = LoginHttp.post(server.base(), "/auth/login",
              LoginHttp.login(emails.get(c), "correct horse battery"));
          Matcher m = TOKEN.matcher(r.body());
          if (r.statusCode() == 200 && m.find()) {
            tokens[c] = m.group(1);
            return true;
          }
          return false;
        });
        Result refreshes = run(n, seconds, c -> {
          HttpResponse<String> r = LoginHttp.post(server.base(), "/auth/token",
              LoginHttp.token(tokens[c]));
          Matcher m = TOKEN.matcher(r.body());
          if (r.statusCode() == 200 && m.find()) {
            tokens[c] = m.group(1);
            return true;
          }
          return false;
        });
        System.out.printf("N=%2d logins %6.1f/s (%.2f of the limit) p50 %6.1f ms p99 %7.1f ms;"
            + " refreshes %7.1f/s p50 %5.1f ms p99 %6.1f ms; refused %d%n", n,
            logins.perSecond(), logins.perSecond() / limit, logins.p50(), logins.p99(),
            refreshes.perSecond(), refreshes.p50(), refreshes.p99(),
            logins.refused() + refreshes.refused());
      }
    }
    System.exit(0);
  }

  /** Approved accounts without a second factor, inside their grace period. */
  private static List<String> accounts(FlowWorld w, int count) {
    List<String> emails = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String email = "load" + i + "@example.org";
      long id = w.login.register(email, FlowWorld.PASSWORD, p -> List.of());
      new Db(w.db).update("UPDATE users SET approval_status = 'approved', mfa_grace_until = ?"
          + " WHERE id = ?", FlowWorld.T0.plus(Duration.ofDays(365)), id);
      emails.add(email);
    }
    return emails;
  }

  /** The median CPU time of one verification in this thread, in seconds. */
  private static double hashCpuSeconds(PasswordHasher hasher) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    String stored = hasher.hash(FlowWorld.PASSWORD);
    double[] runs = new double[7];
    for (int i = -2; i < runs.length; i++) {
      long start = threads.getCurrentThreadCpuTime();
      hasher.verify(FlowWorld.PASSWORD, stored);
      if (i >= 0) {
        runs[i] = (threads.getCurrentThreadCpuTime() - start) / 1e9;
      }
    }
    Arrays.sort(runs);
    return runs[runs.length / 2];
  }

  record Result(double perSecond, double p50, double p99, long refused) {
  }

  /** {@code n} clients calling as fast as they can for {@code seconds}, after one warm-up. */
  static Result run(int n, int seconds, Call call) throws Exception {
    for (int c = 0; c < n; c++) {
      call.run(c);
    }
    List<long[]> latencies = new ArrayList<>();
    AtomicLong refused = new AtomicLong();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    long[] counts = new long[n];
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    for (int c = 0; c < n; c++) {
      int client = c;
      long[] mine = new long[1 << 17];
      latencies.add(mine);
      Thread thread = new Thread(() -> {
        try {
          go.await();
          while (System.nanoTime() < end) {
            long start = System.nanoTime();
            if (!call.run(client)) {
              refused.incrementAndGet();
            }
            mine[(int) counts[client]++] = System.nanoTime() - start;
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      thread.start();
      threads.add(thread);
    }
    long started = System.nanoTime();
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    // Calls still running at the end complete: the rate is over the time until the last one.
    double elapsed = (System.nanoTime() - started) / 1e9;
    long total = Arrays.stream(counts).sum();
    long[] all = new long[(int) total];
    int at = 0;
    for (int c = 0; c < n; c++) {
      System.arraycopy(latencies.get(c), 0, all, at, (int) counts[c]);
      at += (int) counts[c];
    }
    Arrays.sort(all);
    return new Result(total / elapsed, all[(int) (total * 0.5)] / 1e6,
        all[(int) Math.min(total - 1, total * 0.99)] / 1e6, refused.get());
  }

}
