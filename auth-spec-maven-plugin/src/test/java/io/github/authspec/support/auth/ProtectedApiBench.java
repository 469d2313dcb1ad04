package io.github.authspec.support.auth;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Load on requests the generated filter chain verifies (real Tomcat, PostgreSQL and Redis): N
 * concurrent HTTP clients for N = 1, 8 and 64, each signed in to its own account, calling an
 * application endpoint behind the chain ({@code GET /api/me}, which answers the principal and
 * touches nothing else) with its bearer access token (ES256 signature, issuer, audience,
 * expiry, and two deny-list lookups in Redis: the token's and its family's), then with its
 * session cookie (one statement on the sessions table), then rotating its refresh token
 * (strict single use, with a new access token). Not a test: {@code java -cp <test class path>
 * io.github.authspec.support.auth.ProtectedApiBench [seconds]}.
 */
public final class ProtectedApiBench {
  private static final int[] CLIENTS = {1, 8, 64};

  private ProtectedApiBench() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    FlowWorld w = FlowWorld.fresh("protected_bench", 10_000);
    try (LoginServer server = LoginServer.secured(w.flow)) {
      URI base = server.base();
      int most = CLIENTS[CLIENTS.length - 1];
      String[] bearer = new String[most];
      String[] cookie = new String[most];
      String[] refresh = new String[most];
      for (int c = 0; c < most; c++) {
        HttpResponse<String> in = CallerApiHttpTest.signIn(w, base, "load" + c + "@example.org");
        bearer[c] = "Bearer " + LoginHttp.field(in, "accessToken");
        String set = in.headers().firstValue("Set-Cookie").orElseThrow();
        cookie[c] = set.substring(0, set.indexOf(';'));
        refresh[c] = LoginHttp.field(in, "refreshToken");
      }
      for (int n : CLIENTS) {
        LoginApiBench.Result byBearer = LoginApiBench.run(n, seconds, c -> me(base,
            "Authorization", bearer[c]));
        LoginApiBench.Result byCookie = LoginApiBench.run(n, seconds, c -> me(base, "Cookie",
            cookie[c]));
        LoginApiBench.Result refreshes = LoginApiBench.run(n, seconds, c -> {
          HttpResponse<String> r = LoginHttp.post(base, "/auth/token",
              LoginHttp.token(refresh[c]));
          if (r.statusCode() != 200) {
            return false;
          }
          refresh[c] = LoginHttp.field(r, "refreshToken");
          return true;
        });
        System.out.printf("N=%2d bearer %7.1f/s p50 %5.1f ms p99 %6.1f ms; cookie %7.1f/s p50"
            + " %5.1f ms p99 %6.1f ms; refreshes %7.1f/s p50 %5.1f ms p99 %6.1f ms;"
            + " refused %d%n", n, byBearer.perSecond(), byBearer.p50(), byBearer.p99(),
            byCookie.perSecond(), byCookie.p50(), byCookie.p99(), refreshes.perSecond(),
            refreshes.p50(), refreshes.p99(),
            byBearer.refused() + byCookie.refused() + refreshes.refused());
      }
    }
    System.exit(0);
  }

  private static boolean me(URI base, String header, String value) throws Exception {
    return LoginHttp.send(HttpRequest.newBuilder(base.resolve("/api/me")).header(header, value)
        .GET()).statusCode() == 200;
  }
}
