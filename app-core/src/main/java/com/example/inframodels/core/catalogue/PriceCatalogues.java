package com.example.inframodels.core.catalogue;

import com.example.inframodels.core.estimate.PriceCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads a {@link PriceCatalogue} from JSON: the bundled one, or an operator's file. */
public final class PriceCatalogues {

  /** The catalogue shipped in app-core. */
  public static final String BUNDLED = "/price-catalogues/aws-us-east-1.json";

  private PriceCatalogues() {}

  public static PriceCatalogue bundled() {
    try (InputStream in = PriceCatalogues.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BUNDLED);
      }
      return read(in, BUNDLED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bundled catalogue, or the file at {@code path} when one is given. */
  public static PriceCatalogue bundledOr(String path) {
    return path == null || path.isBlank() ? bundled() : fromFile(Path.of(path));
  }

  public static PriceCatalogue fromFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read price catalogue " + file, e);
    }
  }

  static PriceCatalogue read(InputStream in, String origin) {
    try {
      return PriceCatalogueJson.read(in);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "price catalogue " + origin + " is invalid: " + e.getMessage(), e);
    }
  }
}
