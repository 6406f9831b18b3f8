/**
 * Tests of the VM image: the real Packer template baked against a stand-in of the Debian cloud
 * image, then booted under qemu and run against the contract. {@code PackerBake}, {@code QemuVm}
 * and {@code Bound} are public: the comparison module bakes and boots the image with them too.
 */
package com.example.inframodels.vm;
