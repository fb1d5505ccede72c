/* eslint-disable */
// Task pane build. `npm run build`: production into dist/addin; `npm start`: https dev server on :3000.
// ITA_ADDIN_URL=https://host/path/ rewrites the localhost URLs of manifest.xml in the built copy.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";

module.exports = async (env, argv) => {
  const production = argv.mode === "production";
  const prodUrl = process.env.ITA_ADDIN_URL || DEV_URL;
  const outDir = env && env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, "dist/addin");
  const config = {
    mode: production ? "production" : "development",
    devtool: production ? false : "eval-cheap-module-source-map",
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: outDir,
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].chunk.js" : "[name].chunk.js",
      clean: true,
      publicPath: "auto",
    },
    resolve: {
      extensions: [".tsx", ".ts", ".js", ".mjs"],
      fallback: { fs: false, path: false, stream: false, crypto: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.json", transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler", sourceMap: !production } } },
        },
      ],
    },
    performance: { hints: false },
    optimization: {
      splitChunks: {
        chunks: "async",
        cacheGroups: {
          docx: { test: /[\\/]node_modules[\\/](docx|jszip)[\\/]/, name: "docx", chunks: "async", priority: 20, enforce: true },
        },
      },
    },
    plugins: [
      // inject: false — the page's inline ES5 check loads the bundle (and office.js only inside Office)
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"], inject: false }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (production ? content.toString().split(DEV_URL).join(prodUrl) : content),
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      static: { directory: outDir },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await httpsOptions() },
    },
  };
  return config;
};

async function httpsOptions() {
  if (process.env.npm_lifecycle_event !== "start" && !process.argv.includes("serve")) return {};
  const devCerts = require("office-addin-dev-certs");
  const o = await devCerts.getHttpsServerOptions();
  return { ca: o.ca, key: o.key, cert: o.cert };
}
