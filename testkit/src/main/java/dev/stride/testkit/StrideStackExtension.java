package dev.stride.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link StrideStack} parameters. One StrideStack per test JVM, kept in the root store so
 * JUnit closes it (and drops the test keyspaces) when the JVM's tests are done.
 */
public final class StrideStackExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StrideStackExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == StrideStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return stack(context);
  }

  public static StrideStack stack(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .computeIfAbsent(StrideStack.class, k -> {
          StackEndpoints endpoints = StackEndpoints.fromEnvironment(System.getenv());
          StackStarter.ensureRunning(endpoints);
          return new StrideStack(endpoints);
        }, StrideStack.class);
  }
}
