package io.github.authspec.support.spring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Says at start-up what the generated HTTP API waits for. The login flow's bean waits for beans
 * only the application can supply (keys, a key ring, token settings, ...); without one of them
 * the flow, and every controller over it, is simply not registered, and the service would start
 * without its API and without a word. The project asked for the API when it was built, so its
 * absence is worth a warning that names each missing bean.
 */
public final class HttpApiReadiness implements SmartInitializingSingleton {
  private static final System.Logger LOG = System.getLogger(HttpApiReadiness.class.getName());

  private final ListableBeanFactory beans;
  private final Class<?> served;
  private final List<Class<?>> types;
  private final List<String> names;

  /**
   * A check of one bean the API needs.
   *
   * @param beans the application's beans
   * @param served the bean whose absence means the API is not served (the login flow's type)
   * @param types the types of the beans it waits for
   * @param names the names of the beans it waits for
   */
  public HttpApiReadiness(ListableBeanFactory beans, Class<?> served, List<Class<?>> types,
      List<String> names) {
    this.beans = Objects.requireNonNull(beans, "beans");
    this.served = Objects.requireNonNull(served, "served");
    this.types = List.copyOf(types);
    this.names = List.copyOf(names);
  }

  /**
   * What is missing: the simple names of the absent types and the absent bean names, in the
   * order given; empty when the API is served or nothing it waits for is absent.
   *
   * @return the missing beans
   */
  public List<String> missing() {
    List<String> out = new ArrayList<>();
    if (beans.getBeanNamesForType(served, true, false).length > 0) {
      return out;
    }
    for (Class<?> type : types) {
      if (beans.getBeanNamesForType(type, true, false).length == 0) {
        out.add(type.getSimpleName());
      }
    }
    for (String name : names) {
      if (!beans.containsBean(name)) {
        out.add("a bean named " + name);
      }
    }
    return out;
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<String> missing = missing();
    if (!missing.isEmpty()) {
      LOG.log(System.Logger.Level.WARNING, "auth-spec: the generated HTTP API is not served: "
          + "its " + served.getSimpleName() + " waits for " + String.join(", ", missing)
          + ". Declare them, or declare a " + served.getSimpleName() + " bean of your own.");
    }
  }

  @Override
  public String toString() {
    return "HttpApiReadiness[" + served.getSimpleName() + "]";
  }
}
