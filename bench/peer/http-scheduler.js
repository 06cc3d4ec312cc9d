'use strict';
// The fallback peer: a minimal scheduler of the v1 HTTP API written with Node's own http,
// JSON on the wire: SUBSCRIBE opens the event stream (RecordIO), every other call is a
// POST on a keep-alive connection with the Mesos-Stream-Id header.
const http = require('http');
const { recordIoReader } = require('./recordio');

const PATH = '/api/v1/scheduler';

function post(agent, host, port, headers, body) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { agent, host, port, path: PATH, method: 'POST', headers },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () =>
          response.statusCode === 202
            ? resolve()
            : reject(new Error(`call answered ${response.statusCode}: ${text}`)),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * Subscribes; resolves with { frameworkId, call(type, body), close() } once SUBSCRIBED
 * arrived. onEvent(event) gets every event (parsed JSON) after that.
 */
function subscribeHttp(master, frameworkInfo, onEvent, onError) {
  const [host, port] = master.split(':');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({
      type: 'SUBSCRIBE',
      subscribe: { framework_info: frameworkInfo },
    });
    const request = http.request(
      {
        host,
        port,
        path: PATH,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      },
      (response) => {
        if (response.statusCode !== 200) {
          reject(new Error(`SUBSCRIBE answered ${response.statusCode}`));
          response.resume();
          return;
        }
        const streamId = response.headers['mesos-stream-id'];
        const headers = { 'Content-Type': 'application/json', 'Mesos-Stream-Id': streamId };
        let frameworkId = null;
        const call = (type, fields) =>
          post(
            agent,
            host,
            port,
            headers,
            JSON.stringify({ framework_id: frameworkId, type, ...fields }),
          ).catch(onError);
        const read = recordIoReader((record) => {
          const event = JSON.parse(record.toString('utf8'));
          if (event.type === 'SUBSCRIBED') {
            frameworkId = event.subscribed.framework_id;
            resolve({
              frameworkId,
              call,
              close: () => {
                request.destroy();
                agent.destroy();
              },
            });
          } else {
            onEvent(event);
          }
        });
        response.on('data', read);
        response.on('error', () => {});
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

module.exports = { subscribeHttp };
