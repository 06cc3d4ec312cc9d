{
  "targets": [
    {
      "target_name": "mesos_napi",
      "sources": [
        "native/bridge/event_bridge.cc",
        "native/bridge/event_to_js.cc",
        "native/addon/addon_data.cc",
        "native/addon/module.cc",
        "native/driver/message_args.cc",
        "native/scheduler/forwarding_scheduler.cc",
        "native/scheduler/scheduler_driver_wrap.cc",
        "native/executor/forwarding_executor.cc",
        "native/executor/executor_driver_wrap.cc"
      ],
      "include_dirs": [
        "<!(node -p \"require('path').dirname(require.resolve('node-addon-api/package.json'))\")",
        "<!@(node scripts/mesos-flags.js include_dirs)"
      ],
      "defines": [
        "NAPI_VERSION=8",
        "NAPI_CPP_EXCEPTIONS",
        "NODE_ADDON_API_DISABLE_DEPRECATED",
        "NODE_API_SWALLOW_UNTHROWABLE_EXCEPTIONS"
      ],
      "cflags_cc!": ["-fno-exceptions", "-fno-rtti", "-std=gnu++14", "-std=gnu++17"],
      "cflags_cc": ["-std=c++17", "-fexceptions", "<!@(node scripts/mesos-flags.js cflags)"],
      "libraries": [
        "<!@(node scripts/mesos-flags.js libraries)",
        "-Wl,-rpath,<!(node scripts/mesos-flags.js rpath)"
      ]
    }
  ]
}
