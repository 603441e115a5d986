// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "paragraf",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "paragraf", targets: ["paragraf"]),
        .library(name: "ParagrafCore", targets: ["ParagrafCore"]),
    ],
    dependencies: [
        // FullFoundation only: with both default traits SwiftPM passes their flags in random order
        // and rebuilds Hummingbird on many runs (swiftlang/swift-package-manager#10525).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/vapor/async-kit", from: "1.22.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        .target(name: "ParagrafCore", swiftSettings: swiftSettings),
        .target(name: "ParagrafText", dependencies: ["ParagrafCore"], swiftSettings: swiftSettings),
        .target(
            name: "ParagrafImport",
            dependencies: ["ParagrafCore", "ParagrafText", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ParagrafStore",
            dependencies: [
                "ParagrafCore", "ParagrafText",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "AsyncKit", package: "async-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ParagrafSign",
            dependencies: [
                "ParagrafCore",
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),
        // E-mail out: an SMTP client for reminders.
        .target(
            name: "ParagrafMail",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),
        // A local stand-in for BankID's relying-party API, for the tests of the BankID adapter.
        .target(
            name: "ParagrafTestSupport",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ParagrafRender",
            dependencies: ["ParagrafCore", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Templates"), .copy("OpenAPI"), .copy("Typst")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ParagrafWeb",
            dependencies: [
                "ParagrafCore", "ParagrafText", "ParagrafImport", "ParagrafStore", "ParagrafRender", "ParagrafSign", "ParagrafMail",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "paragraf",
            dependencies: [
                "ParagrafWeb", "ParagrafImport", "ParagrafStore", "ParagrafCore", "ParagrafSign",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "ParagrafCoreTests", dependencies: ["ParagrafCore", "ParagrafTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "ParagrafTextTests", dependencies: ["ParagrafText"], swiftSettings: swiftSettings),
        .testTarget(name: "ParagrafImportTests", dependencies: ["ParagrafImport", "ParagrafCore"], exclude: ["Documents"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ParagrafSignTests",
            dependencies: ["ParagrafSign", "ParagrafCore", "ParagrafTestSupport", .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "Crypto", package: "swift-crypto"), .product(name: "Logging", package: "swift-log"),
                           .product(name: "HummingbirdTLS", package: "hummingbird"), .product(name: "X509", package: "swift-certificates"),
                           .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "SwiftASN1", package: "swift-asn1")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "ParagrafStoreTests", dependencies: ["ParagrafStore", "ParagrafCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ParagrafWebTests",
            dependencies: [
                "ParagrafWeb", "ParagrafStore", "ParagrafRender", "ParagrafCore", "ParagrafImport", "ParagrafSign", "ParagrafTestSupport",
                "ParagrafMail",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            exclude: ["__Snapshots__"],
            swiftSettings: swiftSettings
        ),
    ]
)
