package io.github.authspec.model;

import java.nio.file.Path;

class PrintDiagnostics {
  public static void main(String[] args) {
    for (String a : args) {
      long t = System.nanoTime();
      LoadResult r = SpecLoader.load(Path.of(a));
      System.out.println(r.diagnostics().format() + r.diagnostics().summary() + " model=" + r.spec().isPresent() + " " + (System.nanoTime()-t)/1000000 + "ms");
    }
  }
}
