package com.example.inframodels.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageLayoutTest {

  @Test
  void readsTheLayersAndTheirCompressedSizesFromTheManifest() {
    String manifest =
        """
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
         "config":{"mediaType":"application/vnd.oci.image.config.v1+json",
                   "digest":"sha256:cfg","size":2115},
         "layers":[
           {"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip",
            "digest":"sha256:aaa","size":108311441},
           {"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip",
            "digest":"sha256:bbb","size":95760}]}
        """;

    assertThat(ImageLayout.layers(manifest))
        .containsExactly(
            new ImageLayout.Layer("sha256:aaa", 108_311_441),
            new ImageLayout.Layer("sha256:bbb", 95_760));
  }

  @Test
  void readsTheManifestDigestFromTheIndex() {
    String index =
        """
        {"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json",
         "digest":"sha256:abc","size":1197}]}
        """;

    assertThat(ImageLayout.manifestDigest(index)).isEqualTo("sha256:abc");
  }

  @Test
  void namesTheLayersOfTheImageToRunAsTheReadmeDoes() {
    List<List<String>> layers =
        List.of(
            List.of("bin/", "usr/lib/jvm/java-17-openjdk-amd64/bin/java", "etc/passwd"),
            List.of(
                "app/", "app/libs/", "app/libs/spring-core-7.0.1.jar", "app/libs/tomcat-11.0.jar"),
            List.of("app/", "app/classpath/", "app/classpath/container-jib-0.1.0-SNAPSHOT.jar"),
            List.of("app/", "app/jib-classpath-file", "app/jib-main-class-file"),
            List.of("app/", "app/cds/", "app/cds/app.jsa"),
            List.of("app/", "app/libs/", "app/libs/app-core-0.1.0-SNAPSHOT.jar"));

    assertThat(ImageLayout.names(layers))
        .containsExactly(
            "base", "dependencies", "app", "jvm arg files", "start-up archive", "app-core");
  }

  @Test
  void numbersTheBaseLayersWhenTheBaseHasSeveral() {
    List<List<String>> layers =
        List.of(
            List.of("./etc/", "./etc/os-release"),
            List.of("./usr/lib/jvm/"),
            List.of("app/libs/app-core-1.2.jar"),
            List.of("app/odd", "opt/odd"));

    assertThat(ImageLayout.names(layers))
        .containsExactly("base 1 of 2", "base 2 of 2", "app-core", "layer 4");
  }
}
