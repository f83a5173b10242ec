export * from './erlang.js';
