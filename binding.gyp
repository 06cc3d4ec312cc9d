{
  "variables": {
    "mesos_check": "<!(node scripts/mesos-flags.js check)"
  },
  "targets": [
    {
      "target_name": "mesos_napi",
      "sources": [
        "<!@(node -p \"require('./native/build.json').bridge.join(' ')\")",
        "<!@(node -p \"require('./native/build.json').addon.join(' ')\")"
      ],
      "include_dirs": [
        "<!(node -p \"require('path').dirname(require.resolve('node-addon-api/package.json'))\")",
        "<!@(node scripts/mesos-flags.js include_dirs)"
      ],
      "defines": ["<!@(node -p \"require('./native/build.json').defines.join(' ')\")"],
      "cflags_cc!": ["-fno-exceptions", "-fno-rtti", "-std=gnu++14", "-std=gnu++17"],
      "cflags_cc": ["-std=c++17", "-fexceptions", "<!@(node scripts/mesos-flags.js cflags)"],
      "libraries": [
        "<!@(node scripts/mesos-flags.js libraries)",
        "-Wl,-rpath,<!(node scripts/mesos-flags.js rpath)"
      ]
    },
    {
      "target_name": "build_record",
      "type": "none",
      "dependencies": ["mesos_napi"],
      "actions": [
        {
          "action_name": "write_build_record",
          "inputs": ["scripts/write-build-record.js"],
          "outputs": ["build/mesos-napi-build.json"],
          "action": ["node", "scripts/write-build-record.js", "build/mesos-napi-build.json"]
        }
      ]
    }
  ]
}
