//! The baseline of the SWC plugin bench: built like Palisade's plugin (same `swc_core`, same
//! profile, same `wasm-opt`), it returns the program untouched. The bench's overhead figure is
//! Palisade's plugin minus this one.

#[cfg(target_arch = "wasm32")]
mod plugin {
    use swc_core::ecma::ast::Program;
    use swc_core::plugin::plugin_transform;
    use swc_core::plugin::proxies::TransformPluginProgramMetadata;

    #[plugin_transform]
    pub fn empty(program: Program, _metadata: TransformPluginProgramMetadata) -> Program {
        program
    }
}
